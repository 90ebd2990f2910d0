namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>A person's current consent per purpose, the "do not sell or share" flag, and the whole history.</summary>
public sealed record ConsentStatusDto(bool DoNotSell, IReadOnlyList<ConsentDto> Current, IReadOnlyList<ConsentDto> History);
