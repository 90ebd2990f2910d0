namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>A knowledge-base category.</summary>
public sealed record CategoryDto(Guid Id, string Slug, string Name);
