namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>The frontier, from the minimum-volatility portfolio to the highest achievable return.</summary>
public sealed record FrontierResponse(IReadOnlyList<FrontierPoint> Points, IReadOnlyList<string> Tickers);

/// <summary>One efficient portfolio: expected return, volatility, Sharpe ratio and its weights in the response's ticker order.</summary>
public sealed record FrontierPoint(double Return, double Volatility, double Sharpe, IReadOnlyList<double> Weights);
