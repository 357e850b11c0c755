fn main() -> std::process::ExitCode {
    careers::run()
}
