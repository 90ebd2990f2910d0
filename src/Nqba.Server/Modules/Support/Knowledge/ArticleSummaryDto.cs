namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>An article in a list or a search result; <see cref="Score"/> is the engine's rank (higher is better) in searches.</summary>
public sealed record ArticleSummaryDto(Guid Id, string Slug, string Language, string Title, ArticleVisibility Visibility, Guid? CategoryId, DateTime UpdatedAt, double? Score = null);
