//! Arguments where `null` means "empty it" and absence means "leave it".

use serde::{Deserialize, Deserializer};

/// For `#[serde(default, deserialize_with = "nullable")]` on an `Option<Option<T>>`:
/// absent → `None`, `null` → `Some(None)`, a value → `Some(Some(value))`.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
