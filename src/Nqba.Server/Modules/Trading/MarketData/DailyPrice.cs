namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>One instrument's (adjusted) closing price on one trading day.</summary>
internal sealed class DailyPrice
{
    public int InstrumentId { get; set; }

    public DateOnly Date { get; set; }

    public double Close { get; set; }
}
