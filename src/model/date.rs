//! Calendar dates as contract files write them (ISO 8601, `2026-12-01`).

use std::fmt;

use serde::Serialize;

use crate::Lang;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` if the text is not exactly that or the day does not exist.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        let m = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, m, day).ok()?;
        Some(Date { year, month, day })
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> Date {
        let now = time::OffsetDateTime::now_utc();
        Date {
            year: now.year(),
            month: u8::from(now.month()),
            day: now.day(),
        }
    }

    /// The date `days` days later (earlier for a negative number); `None` outside the
    /// calendar's range.
    pub fn add_days(&self, days: i64) -> Option<Date> {
        let d = self.to_time()?.checked_add(time::Duration::days(days))?;
        Some(Date {
            year: d.year(),
            month: u8::from(d.month()),
            day: d.day(),
        })
    }

    /// Whole days from `earlier` to this date (negative if `earlier` is later).
    pub fn days_since(&self, earlier: Date) -> i64 {
        match (self.to_time(), earlier.to_time()) {
            (Some(a), Some(b)) => (a - b).whole_days(),
            _ => 0,
        }
    }

    fn to_time(self) -> Option<time::Date> {
        let m = time::Month::try_from(self.month).ok()?;
        time::Date::from_calendar_date(self.year, m, self.day).ok()
    }

    /// The date in words: "1. Dezember 2026" or "1 December 2026".
    pub fn long(&self, lang: Lang) -> String {
        const DE: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let i = usize::from(self.month.clamp(1, 12)) - 1;
        match lang {
            Lang::De => format!("{}. {} {}", self.day, DE[i], self.year),
            Lang::En => format!("{} {} {}", self.day, EN[i], self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(
            Date::parse_iso("2026-12-01")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-12-01")
        );
        assert!(Date::parse_iso("2026-02-30").is_none());
        assert!(Date::parse_iso("01.12.2026").is_none());
        assert!(Date::parse_iso("2026-1-01").is_none());
        assert!(Date::parse_iso("+026-01-01").is_none());
    }

    #[test]
    fn day_arithmetic() {
        let d = Date::parse_iso("2026-11-30").expect("date");
        assert_eq!(
            d.add_days(31).map(|d| d.to_string()).as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(
            d.add_days(92).map(|d| d.to_string()).as_deref(),
            Some("2027-03-02")
        );
        let leap = Date::parse_iso("2028-02-28").expect("date");
        assert_eq!(
            leap.add_days(1).map(|d| d.to_string()).as_deref(),
            Some("2028-02-29")
        );
        let later = Date::parse_iso("2027-12-01").expect("date");
        assert_eq!(later.days_since(d), 366);
        assert_eq!(d.days_since(later), -366);
    }

    #[test]
    fn words() {
        let d = Date::parse_iso("2026-03-05").expect("date");
        assert_eq!(d.long(Lang::De), "5. März 2026");
        assert_eq!(d.long(Lang::En), "5 March 2026");
    }
}
