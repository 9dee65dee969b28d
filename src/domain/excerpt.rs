//! Quoting user input in error messages without echoing megabytes back.

/// At most this many characters of an input are quoted.
const MAX_CHARS: usize = 64;

/// The input, cut to a readable length with an ellipsis when longer.
pub fn excerpt(input: &str) -> String {
    let mut chars = input.chars();
    let head: String = chars.by_ref().take(MAX_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}… ({} characters)", input.chars().count())
    } else {
        head
    }
}

/// The message with every quoted run ("…" or `…`) cut to an excerpt: parsers
/// quote an offending value in full, however long it is.
pub fn shorten_quoted(message: &str) -> String {
    let mut shortened = String::with_capacity(message.len().min(1024));
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        shortened.push(c);
        if c != '"' && c != '`' {
            continue;
        }
        let mut quoted = String::new();
        let mut closed = false;
        let mut escaped = false;
        for d in chars.by_ref() {
            if d == c && !escaped {
                closed = true;
                break;
            }
            escaped = c == '"' && d == '\\' && !escaped;
            quoted.push(d);
        }
        shortened.push_str(&excerpt(&quoted));
        if closed {
            shortened.push(c);
        }
    }
    shortened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_inputs_are_kept_and_long_ones_cut() {
        assert_eq!(excerpt("WEB-1"), "WEB-1");
        let long = "あ".repeat(100);
        let cut = excerpt(&long);
        assert!(cut.starts_with(&"あ".repeat(64)));
        assert!(cut.ends_with("… (100 characters)"));
    }

    #[test]
    fn long_quoted_runs_are_cut_and_the_rest_kept() {
        let long = "課".repeat(500);
        let message = format!("invalid type: string \"{long}\", expected `a \"b\"` or {long}");
        let shortened = shorten_quoted(&message);
        assert!(shortened.starts_with(&format!("invalid type: string \"{}", "課".repeat(64))));
        assert!(shortened.contains("… (500 characters)\", expected `a \"b\"` or "));
        let escaped = r#"string "say \"hi\" then `go`", expected x"#;
        assert_eq!(shorten_quoted(escaped), escaped);
        assert_eq!(shorten_quoted("unbalanced \"quote"), "unbalanced \"quote");
    }
}
