namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>Market (fills at the next close) or limit (fills at the next close only when it is at or better than the limit).</summary>
public enum OrderType
{
    Market,
    Limit,
}
