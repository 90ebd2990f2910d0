namespace Nqba.Server.Modules.Access;

/// <summary>What another module knows about a prospect's company.</summary>
/// <param name="Name">Company name as the prospect typed it.</param>
/// <param name="Domain">The company's e-mail domain (lower case), or null for public mail providers.</param>
/// <param name="RegionCode">Region code (us-east, us-west, europe, apac).</param>
/// <param name="Industry">Industry, when known.</param>
/// <param name="ContactKey">
/// The search hash of the first contact's e-mail address: the company's identity while it has no domain of its own.
/// </param>
public sealed record ClientProfile(string Name, string? Domain, string RegionCode, string? Industry, string? ContactKey = null);
