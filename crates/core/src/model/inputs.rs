//! [`inputs!`](crate::inputs): a calculator's inputs declared once, as a
//! typed struct.

/// Declares a calculator's inputs: a struct with one `f64` field per input,
/// and from the same list, in the same order, the parameter declarations
/// ([`Param`](crate::model::Param)s, keyed by field name) and a `Field`
/// enum naming each input's position. Reordering the list reorders all
/// three together, so a value can never reach the wrong field.
///
/// ```
/// use explainer_core::inputs;
/// use explainer_core::model::{Param, Source};
///
/// inputs! {
///     /// What the example calculator reads.
///     pub struct Inputs {
///         /// Years to look ahead.
///         years: Param::new(["Years", "年数"], ["years", "年"], (1.0, 30.0, 1.0), 0, Source::Value(5.0)),
///         /// The URL key can differ from the field name.
///         yearly as "return": Param::new(["Return", "回报"], ["%", "%"], (0.0, 50.0, 0.5), 1, Source::Value(8.0)),
///     }
/// }
///
/// assert_eq!(Inputs::PARAMS[Field::yearly as usize].key, "return");
/// let read = Inputs::from_values(&[12.0, f64::NAN]);
/// assert_eq!((read.years, read.yearly), (12.0, 8.0));
/// ```
#[macro_export]
macro_rules! inputs {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident $(as $key:literal)? : $param:expr ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: f64, )+
        }

        /// Each input's position in the declaration, by field name.
        #[allow(non_camel_case_types, dead_code)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Field {
            $( $field, )+
        }

        impl $name {
            /// Every input's declaration, in field order.
            pub const PARAMS: &'static [$crate::model::Param] = &[
                $( $param.with_key($crate::inputs!(@key $field $(, $key)?)), )+
            ];

            /// Reads values given in declaration order, each made safe for
            /// the maths: finite and in range, else its default.
            pub fn from_values(values: &[f64]) -> Self {
                Self {
                    $( $field: $crate::model::param::value_at(Self::PARAMS, values, Field::$field as usize), )+
                }
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident, $key:literal) => { $key };
}
