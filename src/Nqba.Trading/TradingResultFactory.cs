namespace Nqba.Trading;

/// <summary>Creates <see cref="TradingResult{T}"/> values.</summary>
public static class TradingResult
{
    /// <summary>A successful result.</summary>
    public static TradingResult<T> Success<T>(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static TradingResult<T> Failure<T>(TradingError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>A failed result built from its parts.</summary>
    public static TradingResult<T> Failure<T>(string code, string message, int? line = null, string? column = null) =>
        new(default, new TradingError(code, message, line, column));
}
