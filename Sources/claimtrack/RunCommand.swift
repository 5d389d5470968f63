import ArgumentParser
import ClaimTrackCore
struct RunCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "run"); func run() throws {} }
struct ReportCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "report"); func run() throws {} }
struct ShowCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "show"); func run() throws {} }
struct ScheduleCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "schedule"); func run() throws {} }
