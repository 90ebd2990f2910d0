namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>
/// An order: ticker, side (buy, sell), type (market, limit), quantity (whole shares), the limit price of a limit order and
/// the trading day it is placed on (default: the ticker's last stored day but one, so it fills at the last close).
/// </summary>
public sealed record PlaceOrderRequest(string? Ticker, string? Side, string? Type, decimal? Quantity, decimal? LimitPrice = null, DateOnly? Date = null);
