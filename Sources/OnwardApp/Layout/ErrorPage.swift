/// What a person sees when a page cannot be shown: the reason, and the way home.
struct ErrorPage: PageView {
    /// The status's reason ("Not Found").
    let title: String
    let message: String

    func content(_ h: HTML) {
        h.h1(title)
        h.p(message, .class("lead"))
        h.p { h.a("Go to your home page", .href(Href(SiteURL.home))) }
    }
}
