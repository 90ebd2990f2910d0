namespace Nqba.Server.Platform.Privacy;

/// <summary>Corrected personal details; null fields stay as they are.</summary>
public sealed record Rectification(string? Name, string? Email, string? EmailHash, string? Phone);
