namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>Where an order stands.</summary>
public enum OrderStatus
{
    /// <summary>Blocked by a pre-trade compliance check or a cash / holdings check; never sent.</summary>
    Rejected,

    /// <summary>Filled at the next available close.</summary>
    Filled,

    /// <summary>A limit order whose next close did not reach the limit.</summary>
    Unfilled,
}
