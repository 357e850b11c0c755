//! A problem in a data file, shown as `file:line:column: field `f`: what`.

use std::fmt;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem is the file as a whole.
    pub line: usize,
    pub column: usize,
    /// Dotted path of the field (`salary[0].median`), when there is one.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Escaped(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        match &self.field {
            Some(field) => write!(
                f,
                ": field `{}`: {}",
                Escaped(field),
                Escaped(&self.message)
            ),
            None => write!(f, ": {}", Escaped(&self.message)),
        }
    }
}

/// Text from a user's file (names, keys, values quoted in messages) shown
/// with control characters as visible `\u{..}` escapes, so that one
/// diagnostic is always one line and never drives the terminal.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, field: Option<&str>, message: &str) -> Diagnostic {
        Diagnostic {
            file: "dir/role.toml".into(),
            line,
            column: 7,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }

    #[test]
    fn shows_file_place_field_and_message() {
        assert_eq!(
            at(3, Some("salary[0].median"), "must not be negative").to_string(),
            "dir/role.toml:3:7: field `salary[0].median`: must not be negative"
        );
        assert_eq!(
            at(0, None, "not UTF-8").to_string(),
            "dir/role.toml: not UTF-8"
        );
    }

    #[test]
    fn control_characters_are_shown_as_escapes() {
        let d = Diagnostic {
            file: "a\nb".into(),
            ..at(1, Some("x\u{1b}"), "`A\tB`\r")
        };
        assert_eq!(
            d.to_string(),
            "a\\u{a}b:1:7: field `x\\u{1b}`: `A\\u{9}B`\\u{d}"
        );
        assert_eq!(d.to_string().lines().count(), 1);
    }
}
