//! Plain-text tables: columns padded to their widest cell, the last column left ragged, styles applied
//! after padding so that escape codes never shift the columns.

use crate::color::{Paint, Style};

/// One cell: its text and, optionally, a style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    text: String,
    style: Option<Style>,
}

impl Cell {
    /// A cell without style.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: None,
        }
    }

    /// A cell in `style`.
    pub fn styled(text: impl Into<String>, style: Style) -> Self {
        Self {
            text: text.into(),
            style: Some(style),
        }
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|heading| heading.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    pub fn row(&mut self, mut cells: Vec<Cell>) {
        cells.resize(self.header.len(), Cell::plain(""));
        self.rows.push(cells);
    }

    /// The table as lines, each starting with `indent`.
    pub fn render(&self, paint: Paint, indent: &str) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|column| {
                let heading = self
                    .header
                    .get(column)
                    .map_or(0, |text| text.chars().count());
                self.rows
                    .iter()
                    .filter_map(|row| row.get(column))
                    .map(|cell| cell.text.chars().count())
                    .fold(heading, usize::max)
            })
            .collect();
        let header: Vec<Cell> = self
            .header
            .iter()
            .map(|heading| Cell::styled(heading.clone(), Style::Dim))
            .collect();
        let mut out = String::new();
        for row in std::iter::once(&header).chain(&self.rows) {
            let mut line = indent.to_string();
            let last = row.len().saturating_sub(1);
            for (column, (cell, width)) in row.iter().zip(&widths).enumerate() {
                let padding = if column == last {
                    0
                } else {
                    width.saturating_sub(cell.text.chars().count()) + 2
                };
                line.push_str(&match cell.style {
                    Some(style) => paint.paint(&cell.text, style),
                    None => cell.text.clone(),
                });
                line.push_str(&" ".repeat(padding));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_padded_to_the_widest_cell_and_the_last_is_ragged() {
        let mut table = Table::new(&["A", "B"]);
        table.row(vec![Cell::plain("long cell"), Cell::plain("x")]);
        table.row(vec![Cell::plain("é"), Cell::plain("yy")]);
        let text = table.render(Paint::plain(), "  ");
        assert_eq!(text, "  A          B\n  long cell  x\n  é          yy\n");
    }
}
