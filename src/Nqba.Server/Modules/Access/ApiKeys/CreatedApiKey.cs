namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>A new key; <see cref="Key"/> is shown this once and never stored.</summary>
internal sealed record CreatedApiKey(ApiKeyDto ApiKey, string Key);
