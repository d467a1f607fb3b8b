/// The job search's pages: a graduate's own, and a graduate's as their coach sees it.
enum JobSearchURL: Hashable, Sendable {
    case list
    case board
    case new
    case application(id: String)
    case edit(id: String)
    case delete(id: String)
    case move(id: String)
    case accept(id: String)
    case addInterview(id: String)
    case addContact(id: String)
    case editInterview(id: String)
    case deleteInterview(id: String)
    case interviewResult(id: String)
    case editContact(id: String)
    case deleteContact(id: String)
    case personList(id: String)
    case personBoard(id: String)
    case correctPlacement(id: String)
    case importCSV
    case confirmImport
    case exportCSV

    var path: String {
        switch self {
        case .list: "/applications"
        case .board: "/applications/board"
        case .new: "/applications/new"
        case .application(let id): "/applications/\(id)"
        case .edit(let id): "/applications/\(id)/edit"
        case .delete(let id): "/applications/\(id)/delete"
        case .move(let id): "/applications/\(id)/moves"
        case .accept(let id): "/applications/\(id)/accept"
        case .addInterview(let id): "/applications/\(id)/interviews"
        case .addContact(let id): "/applications/\(id)/contacts"
        case .editInterview(let id): "/interviews/\(id)/edit"
        case .deleteInterview(let id): "/interviews/\(id)/delete"
        case .interviewResult(let id): "/interviews/\(id)/result"
        case .editContact(let id): "/contacts/\(id)/edit"
        case .deleteContact(let id): "/contacts/\(id)/delete"
        case .personList(let id): "/people/\(id)/applications"
        case .personBoard(let id): "/people/\(id)/applications/board"
        case .correctPlacement(let id): "/applications/\(id)/placement"
        case .importCSV: "/applications/import"
        case .confirmImport: "/applications/import/confirm"
        case .exportCSV: "/applications/export"
        }
    }
}
