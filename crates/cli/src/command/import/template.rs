//! `ecr-policy import --template FILE [--pick N|NAME]`: the policies of a CloudFormation template or a
//! Terraform plan, listed with where each is; or the one picked, in its slot of a scenario.

use ecr_policy_engine::import::{MarkerKind, TemplateFormat, TemplatePolicies, read_template};
use ecr_policy_engine::scenario::Scenario;

use super::{ImportArgs, Report, request, scenario_report};
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::{read_source, scenario_error};
use crate::output::note;

/// Lists the template's policies, or prints the scenario of the one picked.
pub fn run(args: &ImportArgs, path: &str) -> Result<Report, CliError> {
    let document = read_source(path)?;
    let listing =
        read_template(&document.text).map_err(|error| scenario_error(&document, &error))?;
    for remark in &listing.notes {
        note(&format!("note: {remark}"));
    }
    let Some(choice) = &args.pick else {
        return Ok(Report {
            text: list(&document.label, &listing),
            exit: Exit::Success,
        });
    };
    let policy = listing
        .pick(choice)
        .map_err(|error| CliError::new(format!("--pick: {error}")))?;
    let mut scenario = Scenario {
        name: format!("{} imported from {}", policy.name, document.label),
        description: policy.summary(),
        request: Some(request(args)),
        ..Scenario::default()
    };
    policy.apply_to(&mut scenario);
    for marker in policy.marker_notes() {
        note(&format!("note: {marker}"));
    }
    if args.principal.is_none() {
        note("note: no --principal: put the caller's ARN in the scenario's `request.principal`");
    }
    scenario_report(args, &scenario)
}

/// The list: one line per policy (position, slot, name, resource type, line:column), then a line per
/// marker in it.
fn list(label: &str, listing: &TemplatePolicies) -> String {
    let format = match listing.format {
        TemplateFormat::CloudFormationJson => "CloudFormation template (JSON)",
        TemplateFormat::CloudFormationYaml => "CloudFormation template (YAML)",
        TemplateFormat::TerraformPlan => "Terraform plan (JSON)",
    };
    let count = listing.policies.len();
    let mut text = format!(
        "{label}: {format}, {count} polic{}\n",
        if count == 1 { "y" } else { "ies" }
    );
    let locations: Vec<String> = listing
        .policies
        .iter()
        .map(|policy| format!("{}:{}", policy.line, policy.column))
        .collect();
    let width = |lengths: &mut dyn Iterator<Item = usize>| lengths.max().unwrap_or_default();
    let name_width = width(&mut listing.policies.iter().map(|policy| policy.name.len()));
    let location_width = width(&mut locations.iter().map(String::len));
    for (index, (policy, location)) in listing.policies.iter().zip(&locations).enumerate() {
        text.push_str(&format!(
            "{:>3}  {:<20}  {:<name_width$}  {location:<location_width$}  {}\n",
            index + 1,
            policy.slot.label(),
            policy.name,
            policy.resource_type,
        ));
        for marker in &policy.markers {
            let kind = match marker.kind {
                MarkerKind::Intrinsic => "intrinsic",
                MarkerKind::Unknown => "unknown until apply",
            };
            text.push_str(&format!(
                "     {kind}: {} at {}:{}\n",
                marker.text, marker.line, marker.column
            ));
        }
    }
    if count > 0 {
        text.push_str("Pick one with --pick N or --pick NAME.\n");
    }
    text
}
