import Testing
@testable import OnwardApp

/// The HTML writer on its own: every value it is given is escaped, in text and in attributes.
@Suite struct HTMLTests {
    static let hostile = #"<script>alert("x")</script> & 'quoted' "double""#

    @Test func text_is_escaped() {
        let h = HTML()
        h.p(Self.hostile)
        #expect(h.string == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;double&quot;</p>")
    }

    /// An `href` is one of Onward's pages, a place on the page, a mail address, a file it serves,
    /// or a web address someone gave that is http or https with a host; anything else given as a
    /// web address is not written, so the link goes nowhere.
    @Test func a_link_goes_only_to_a_page_of_onward_or_a_checked_web_address() {
        #expect(Href(.jobSearch(.board)).text == "/applications/board")
        #expect(Href(.coaching(.submissions), query: "kind=smart_goals").text == "/submissions?kind=smart_goals")
        #expect(Href(.coaching(.submissions), query: "").text == "/submissions")
        #expect(Href.web("https://example.com/jobs/1")?.text == "https://example.com/jobs/1")
        for refused in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://example.com", "https://", "//evil.example", "/relative",
                        " https://example.com", "https://exa\u{202E}mple.com", ""] {
            #expect(Href.web(refused) == nil, "\(refused)")
        }
        let h = HTML()
        h.a("x", .href(web: "javascript:alert(1)"))
        h.a("y", .href(web: "http://example.com"))
        #expect(h.string == #"<a>x</a><a href="http://example.com">y</a>"#)
    }

    @Test func attribute_values_are_escaped() {
        let h = HTML()
        h.a("link", .href(Href(.home, query: #"" onclick="alert(1)"#)), .class("a'b"), .ariaLabel("<b>"))
        #expect(h.string == #"<a href="/?&quot; onclick=&quot;alert(1)" class="a&#39;b" aria-label="&lt;b&gt;">link</a>"#)
    }

    @Test func every_special_character_is_escaped_and_nothing_else() {
        let h = HTML()
        h.text("a&b<c>d\"e'f — ü 😀")
        #expect(h.string == "a&amp;b&lt;c&gt;d&quot;e&#39;f — ü 😀")
    }

    @Test func a_textarea_cannot_be_closed_by_its_content() {
        let h = HTML()
        h.textarea("</textarea><script>x</script>", .name("notes"))
        #expect(!h.string.contains("</textarea><script>"))
        #expect(h.string == "<textarea name=\"notes\">\n&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>")
    }

    @Test func nil_attributes_and_off_flags_are_left_out() {
        let h = HTML()
        h.input(.name("x"), .attr(.ariaInvalid, nil), .flag(.checked, false), .flag(.required), .value(nil))
        #expect(h.string == #"<input name="x" required>"#)
    }

    /// A `<script>` or `<style>` takes no text, escaped or not: the shell's one script is a file.
    @Test func a_script_element_takes_no_text() async {
        let h = HTML()
        h.element("script", [.src(.asset("/js/onward.js"))]) {}
        #expect(h.string == #"<script src="/js/onward.js"></script>"#)
        #expect(HTML.holdsCode("script") && HTML.holdsCode("style") && !HTML.holdsCode("p"))
        await #expect(processExitsWith: .failure) {
            HTML().element("script", [], text: "alert(1)")
        }
        await #expect(processExitsWith: .failure) {
            let h = HTML()
            h.element("style", []) { h.text("body { color: red }") }
        }
    }

    @Test func elements_nest_in_order() {
        let h = HTML()
        h.ul(.class("plain")) {
            for item in ["one", "two"] { h.li(item) }
        }
        #expect(h.string == #"<ul class="plain"><li>one</li><li>two</li></ul>"#)
    }

    @Test func a_post_form_carries_the_pages_csrf_token_escaped() {
        let h = HTML(csrf: "tok\"en")
        h.postForm(Href(.home)) { h.button("Go", .type("submit")) }
        #expect(h.string == #"<form method="post" action="/"><input type="hidden" name="csrf" value="tok&quot;en"><button type="submit">Go</button></form>"#)
    }

    @Test func a_field_ties_its_hint_and_error_to_the_control() {
        let h = HTML()
        let errors = FormErrors(byField: ["name": "Say <who>"], all: [.init(field: "name", message: "Say <who>")])
        h.inputField("name", "Name", value: "a\"b", hint: "Your name", errors: errors)
        let html = h.string
        #expect(html.contains(#"<div class="field has-error">"#))
        #expect(html.contains(#"<p class="field-error" id="name-error">Say &lt;who&gt;</p>"#))
        #expect(html.contains(#"aria-invalid="true" aria-describedby="name-hint name-error""#))
        #expect(html.contains(#"value="a&quot;b""#))
    }

    /// A score's axis runs 0 to 4 whatever the scores; a count's is rounded up to a step of 1, 2
    /// or 5 with a label at each step; a zero is a stub, not a gap; the figures are in a table.
    @Test func a_chart_has_a_sane_axis_visible_zeros_and_its_figures_in_words() {
        #expect(BarChart.axis(largest: 3, fixed: 4) == (4, 1))
        #expect(BarChart.axis(largest: 5, fixed: nil) == (5, 1))
        #expect(BarChart.axis(largest: 7, fixed: nil) == (8, 2))
        #expect(BarChart.axis(largest: 23, fixed: nil) == (25, 5))
        #expect(BarChart.axis(largest: 0, fixed: nil) == (1, 1))
        let scores = BarChart(title: "Scores", series: [.init(name: "Communication", cssClass: "c")], groups: [(label: "2 Nov", values: [3]), (label: "9 Nov", values: [0])], scale: 4)
        #expect(scores.yLabels.map(\.text) == ["0", "1", "2", "3", "4"], "3 of 4 does not look like full marks")
        #expect(scores.bars[0].height < scores.baseline - 12, "3 stands below the top")
        #expect(scores.bars[1].height == 2 && scores.bars[1].cssClass.contains("zero"), "a zero shows")
        #expect(scores.bars[0].x + scores.bars[0].width < scores.bars[1].x - 20, "weeks read apart")
        let h = HTML()
        scores.render(h)
        #expect(h.string.contains(#"<summary>The figures</summary><div class="table-wrap"><table class="compact">"#))
        #expect(h.string.contains(#"<th scope="row">9 Nov</th><td class="num">0</td>"#))
    }

    @Test func the_chart_escapes_its_labels() {
        let chart = BarChart(title: "<t>", series: [.init(name: "S", cssClass: "s")], groups: [(label: "<w>", values: [3])])
        let h = HTML()
        chart.render(h)
        #expect(!h.string.contains("<t>") && !h.string.contains("<w>"))
        #expect(h.string.contains("&lt;w&gt;: 3 s"))
    }
}
