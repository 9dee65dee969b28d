//! What a Backlog base URL may hold: scheme, host, port and path. Anything
//! else (credentials, a query string, a fragment) would be sent with every
//! request or shown in messages, so it is refused.

use url::Url;

/// The first part a base URL must not carry, named for a message.
pub fn forbidden_part(url: &Url) -> Option<&'static str> {
    if !url.username().is_empty() || url.password().is_some() {
        Some("a user name or password")
    } else if url.query().is_some() {
        Some("a query string")
    } else if url.fragment().is_some() {
        Some("a fragment")
    } else {
        None
    }
}

/// `scheme://host[:port]` of a URL, or its scheme alone: all of a base URL a
/// message may show (the rest may hold what [`forbidden_part`] refuses).
pub fn origin(url: &Url) -> String {
    match url.host_str() {
        Some(host) => match url.port() {
            Some(port) => format!("{}://{host}:{port}", url.scheme()),
            None => format!("{}://{host}", url.scheme()),
        },
        None => format!("a {}: address", url.scheme()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_shows_only_scheme_host_and_port() {
        let shown = |text: &str| origin(&Url::parse(text).unwrap());
        assert_eq!(
            shown("https://me:pw@space.backlog.com/x?k=1#f"),
            "https://space.backlog.com"
        );
        assert_eq!(
            shown("http://backlog.internal:8080/backlog"),
            "http://backlog.internal:8080"
        );
        assert_eq!(shown("file:///etc/passwd"), "a file: address");
    }

    #[test]
    fn only_scheme_host_port_and_path_are_allowed() {
        let part = |text: &str| forbidden_part(&Url::parse(text).unwrap());
        assert_eq!(part("https://space.backlog.com/"), None);
        assert_eq!(part("http://backlog.internal:8080/backlog"), None);
        assert_eq!(
            part("https://me:pw@space.backlog.com"),
            Some("a user name or password")
        );
        assert_eq!(
            part("https://me@space.backlog.com"),
            Some("a user name or password")
        );
        assert_eq!(
            part("https://space.backlog.com/?apiKey=x"),
            Some("a query string")
        );
        assert_eq!(part("https://space.backlog.com/#x"), Some("a fragment"));
    }
}
