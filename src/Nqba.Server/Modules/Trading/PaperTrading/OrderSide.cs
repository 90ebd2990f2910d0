namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
