import OnwardCore
import Testing

@Suite struct LocalPathTests {
    @Test(arguments: ["/", "/account/profile", "/applications?stage=applied&q=a%20b", "/applications#top", "/people/ABC/applications/board"])
    func paths_on_this_site_are_kept(_ path: String) {
        #expect(LocalPath.validated(path) == path)
    }

    @Test(arguments: [
        "/\t/evil.example/phish", "//evil.example/", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
        "http:/evil.example", "javascript:alert(1)", "evil.example", "", " /account", "/account\n", "/\r\n/evil.example", "/%2F/evil.example",
        "/%5cevil.example", "/\u{00A0}/evil.example", "/\u{200B}/evil.example", "/a\u{7F}b",
    ])
    func anything_a_browser_could_read_as_another_site_is_refused(_ raw: String) {
        #expect(LocalPath.validated(raw) == nil)
    }

    @Test func no_next_is_no_path() {
        #expect(LocalPath.validated(nil) == nil)
    }
}
