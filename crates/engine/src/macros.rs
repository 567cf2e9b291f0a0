//! Macros shared by several modules.

/// A fieldless enum whose variants each have a stable kebab-case name, written once beside the variant:
/// the enum, `ALL` (every variant, in order), `as_str`, `Display` and `Serialize` as that name. Tools and
/// tests match on the names, so a name is never changed once released. (`Serialize` writes `as_str`
/// rather than serde's derive, whose one call per variant made the WebAssembly module larger; the serde
/// attributes only tell the TypeScript derive the names.)
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        pub enum $name {
            $( $(#[$variant_meta])* #[cfg_attr(feature = "wasm", serde(rename = $text))] $variant, )*
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $name {
            /// Every variant, in the order they are defined.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The stable name, as JSON and the CLI show it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str(self.as_str())
            }
        }
    };
}
