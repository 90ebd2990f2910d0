namespace Nqba.Trading;

/// <summary>An expected failure (bad input, infeasible constraints), reported as a value rather than thrown.</summary>
/// <param name="Code">A stable, machine-readable code such as <c>csv.date</c> or <c>optimizer.infeasible</c>.</param>
/// <param name="Message">What was wrong, in words; for CSV input it names the line and the column.</param>
/// <param name="Line">The 1-based line of the input the error refers to, when there is one.</param>
/// <param name="Column">The column name (or 1-based number) the error refers to, when there is one.</param>
public sealed record TradingError(string Code, string Message, int? Line = null, string? Column = null);
