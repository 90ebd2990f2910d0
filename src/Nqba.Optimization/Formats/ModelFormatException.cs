namespace Nqba.Optimization.Formats;

/// <summary>A model file could not be read; the message names the line and what was wrong with it.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception for a problem on a 1-based line (0 when not tied to a line).</summary>
    public ModelFormatException(int lineNumber, string problem)
        : base(lineNumber > 0 ? $"line {lineNumber}: {problem}" : problem)
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>Creates the exception without a line number.</summary>
    public ModelFormatException()
        : this(0, "The model file is malformed.")
    {
    }

    /// <summary>Creates the exception without a line number.</summary>
    public ModelFormatException(string message)
        : this(0, message)
    {
    }

    /// <summary>Creates the exception without a line number, wrapping a cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>The 1-based line the problem was found on, or 0 when it concerns the whole file.</summary>
    public int LineNumber { get; }

    /// <summary>What was wrong, without the line prefix.</summary>
    public string Problem { get; } = string.Empty;
}
