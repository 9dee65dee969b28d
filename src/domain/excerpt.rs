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
}
