namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// A start-up problem an operator must fix (a setting, a file, a server). Its message names the setting;
/// the host prints it on one line and exits with a non-zero code instead of a stack dump.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupException()
    {
    }
}
