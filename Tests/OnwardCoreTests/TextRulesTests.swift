import OnwardCore
import Testing

@Suite struct TextRulesTests {
    func check(_ raw: String, limit: Int = 10, trim: Bool = true) -> (String, [FieldError]) {
        var errors = ValidationErrors()
        let text = TextRules.checked(raw, field: "f", label: "field", limit: limit, trim: trim, into: &errors)
        return (text, errors.errors)
    }

    @Test(arguments: ["before\u{0}after", "a\u{7}b", "bell\u{1B}[31m", "c1\u{85}control", "del\u{7F}"])
    func control_characters_are_refused(_ raw: String) {
        let (_, errors) = check(raw, limit: 100)
        #expect(errors.map(\.field) == ["f"])
        #expect(errors.first?.message.contains("control character") == true)
    }

    @Test(arguments: ["\u{202E}\u{200B}", "\u{200B}", " \u{00AD}\u{2060} ", "\u{FEFF}\u{200D}", "\u{3000}\u{200B}"])
    func text_of_nothing_but_white_space_and_invisible_format_characters_is_empty(_ raw: String) {
        var errors = ValidationErrors()
        #expect(TextRules.checked(raw, field: "f", label: "field", limit: 100, into: &errors).isEmpty)
        #expect(AccountRules.validateName(raw, into: &errors).isEmpty)
        #expect(errors.message(for: "name") == "Enter your name.")
    }

    @Test(arguments: ["Priya\u{202E}hcaoc", "a\u{202A}b", "\u{2066}Priya\u{2069}", "Grace\u{202D}"])
    func direction_overrides_and_isolates_are_refused(_ raw: String) {
        let (_, errors) = check(raw, limit: 100)
        #expect(errors.map(\.field) == ["f"])
        #expect(errors.first?.message.contains("direction of text") == true)
    }

    @Test func right_to_left_writing_and_joined_emoji_are_kept() {
        // Arabic with a right-to-left mark, Hebrew, and a family emoji joined by zero-width joiners.
        for text in ["مرحبا\u{200F} Amara", "שלום", "👩\u{200D}💻 Grace", "co\u{00AD}operate"] {
            let (kept, errors) = check(text, limit: 100)
            #expect(errors.isEmpty, "\(text)")
            #expect(kept == text)
        }
    }

    @Test func line_breaks_and_tabs_are_kept_and_every_line_break_becomes_lf() {
        let (text, errors) = check("one\r\ntwo\tthree\nfour\rfive", limit: 100, trim: false)
        #expect(errors.isEmpty)
        #expect(text == "one\ntwo\tthree\nfour\nfive")
    }

    @Test func the_limit_counts_code_points_after_trimming() {
        #expect(check("  0123456789  ").1.isEmpty)
        #expect(check("01234567890").1.first?.message == "Keep the field under 10 characters (it has 11).")
        #expect(check(String(repeating: "é", count: 10)).1.isEmpty)
        // e + combining accent: one character to a person, two code points to JSON Schema.
        #expect(!check(String(repeating: "e\u{301}", count: 6)).1.isEmpty)
    }

    @Test func large_numbers_are_grouped_in_messages() {
        var errors = ValidationErrors()
        _ = TextRules.checked(String(repeating: "x", count: 12_345), field: "notes", label: "notes", limit: TextRules.Limit.long, into: &errors)
        #expect(errors.errors.first?.message == "Keep the notes under 10,000 characters (it has 12,345).")
    }

    @Test func every_job_search_text_is_bounded_and_free_of_controls() {
        let huge = String(repeating: "x", count: 100_001)
        #expect(throws: ValidationErrors.self) {
            _ = try ApplicationDraft.validate(company: "Acme", roleTitle: "Dev", url: "", location: huge, remote: false, salaryMinimum: "", salaryMaximum: "",
                                              source: "job_board", nextAction: "", nextActionDue: "", notes: "", excitement: "3")
        }
        #expect(throws: ValidationErrors.self) {
            _ = try ApplicationDraft.validate(company: "Acme", roleTitle: "Dev", url: "", location: "", remote: false, salaryMinimum: "", salaryMaximum: "",
                                              source: "job_board", nextAction: huge, nextActionDue: "", notes: "", excitement: "3")
        }
        #expect(throws: ValidationErrors.self) {
            _ = try ApplicationDraft.validate(company: "before\u{0}after", roleTitle: "Dev", url: "", location: "", remote: false, salaryMinimum: "", salaryMaximum: "",
                                              source: "job_board", nextAction: "", nextActionDue: "", notes: "", excitement: "3")
        }
        #expect(throws: ValidationErrors.self) { _ = try ContactDraft.validate(name: huge, role: "", email: "", profileURL: "") }
        #expect(throws: ValidationErrors.self) { _ = try ContactDraft.validate(name: "Sam", role: huge, email: "", profileURL: "") }
        #expect(throws: ValidationErrors.self) {
            _ = try InterviewDraft.validate(kind: .technical, at: .init(timeIntervalSince1970: 0), durationMinutes: 60, withWhom: huge, outcome: .awaiting, feedback: "", feedbackIsTechnical: false)
        }
        #expect(throws: ValidationErrors.self) {
            _ = try InterviewDraft.validate(kind: .technical, at: .init(timeIntervalSince1970: 0), durationMinutes: 60, withWhom: "", outcome: .awaiting, feedback: huge, feedbackIsTechnical: false)
        }
        #expect(throws: ValidationErrors.self) {
            _ = try PlacementDraft.validate(startDate: "2026-12-01", jobTitle: huge, employmentType: "full_time", inField: "yes", salary: "30000")
        }
    }

    @Test(arguments: ["0001-01-01", "1969-12-31", "2101-01-01", "9999-12-31"])
    func days_outside_the_plausible_years_are_not_read(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func the_plausible_years_run_from_1970_to_2100() {
        #expect(LocalDate(iso: "1970-01-01") != nil && LocalDate(iso: "2100-12-31") != nil)
        #expect(throws: ValidationErrors.self) {
            _ = try InterviewDraft.validate(kind: .technical, at: .init(timeIntervalSince1970: -86_400 * 400), durationMinutes: 60, withWhom: "", outcome: .awaiting, feedback: "", feedbackIsTechnical: false)
        }
    }
}

@Suite struct SalaryRangeTests {
    @Test func a_range_typed_the_other_way_round_is_kept_the_right_way_round() throws {
        let draft = try ApplicationDraft.validate(company: "Acme", roleTitle: "Dev", url: "", location: "", remote: false, salaryMinimum: "40,000", salaryMaximum: "30000",
                                                  source: "job_board", nextAction: "", nextActionDue: "", notes: "", excitement: "3")
        #expect(draft.salary == SalaryRange(minimum: 30000, maximum: 40000))
    }
}
