//! Requests too large to send. A request whose address is longer than
//! [`MAX_URL_BYTES`] is refused before it leaves the process: front ends commonly
//! refuse request lines over 8 KiB (nginx's default buffers, many proxies) with a
//! 414, and the HTTP library refuses addresses over 64 KiB outright, which used to
//! surface as a "broken connection" retried four times. The error names the query
//! parameter taking the most room, so the caller knows what to shorten.

use super::params::Params;
use crate::domain::backlog_error::BacklogError;
use url::Url;

/// The longest request address sent, in bytes (percent-encoded). A 100-value
/// `statusId[]` list takes about 2,600; a 300-character Japanese keyword 2,700.
pub const MAX_URL_BYTES: usize = 8_000;

/// Refuses an address over [`MAX_URL_BYTES`].
pub fn check_length(url: &Url, query: &Params) -> Result<(), BacklogError> {
    let length = url.as_str().len();
    if length <= MAX_URL_BYTES {
        return Ok(());
    }
    Err(unsendable(
        format!(
            "its address would be {length} bytes, more than the {MAX_URL_BYTES} this server sends"
        ),
        query,
    ))
}

/// A request refused before sending, for `reason`, naming its largest parameter.
pub fn unsendable(reason: String, query: &Params) -> BacklogError {
    BacklogError::Unsendable {
        parameter: largest_parameter(query),
        reason,
    }
}

/// The parameter whose `name=value` pairs take the most room once encoded, all
/// its values together (`statusId[]` counts as `statusId`).
fn largest_parameter(query: &Params) -> Option<String> {
    let mut sizes: Vec<(&str, usize)> = Vec::new();
    for (name, value) in query.pairs() {
        let name = name.strip_suffix("[]").unwrap_or(name);
        let size = encoded_len(name) + encoded_len(value) + 2;
        match sizes.iter_mut().find(|(known, _)| *known == name) {
            Some((_, total)) => *total += size,
            None => sizes.push((name, size)),
        }
    }
    sizes
        .into_iter()
        .max_by_key(|(_, size)| *size)
        .map(|(name, _)| name.to_owned())
}

fn encoded_len(text: &str) -> usize {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .map(str::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_with(query: &Params) -> Url {
        let mut url = Url::parse("https://acme.backlog.com/api/v2/issues").unwrap();
        url.query_pairs_mut().extend_pairs(query.pairs());
        url
    }

    #[test]
    fn an_address_within_the_limit_passes() {
        let mut query = Params::new();
        query
            .push("keyword", "ログイン".repeat(75))
            .push_array("statusId", &(1..=100).collect::<Vec<_>>());
        assert!(check_length(&url_with(&query), &query).is_ok());
    }

    #[test]
    fn an_overlong_address_names_the_largest_parameter() {
        let mut query = Params::new();
        query
            .push("keyword", "x".repeat(100_000))
            .push("count", 100)
            .push_array("statusId", &[1, 2]);
        let error = check_length(&url_with(&query), &query).unwrap_err();
        let BacklogError::Unsendable { parameter, reason } = error else {
            panic!("expected Unsendable, got {error:?}");
        };
        assert_eq!(parameter.as_deref(), Some("keyword"));
        assert!(reason.starts_with("its address would be 100"), "{reason}");
        assert!(reason.ends_with("more than the 8000 this server sends"));
    }

    #[test]
    fn many_values_of_one_array_parameter_add_up() {
        let mut query = Params::new();
        query
            .push("keyword", "k".repeat(3_000))
            .push_array("assigneeId", &vec![1_073_800_012_i64; 400]);
        let error = check_length(&url_with(&query), &query).unwrap_err();
        assert!(
            matches!(&error, BacklogError::Unsendable { parameter: Some(p), .. } if p == "assigneeId"),
            "{error:?}"
        );
    }
}
