namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>An article as the API shows it: the Markdown source and its sanitized HTML.</summary>
public sealed record ArticleDto(
    Guid Id,
    string Slug,
    string Language,
    string Title,
    string Body,
    string Html,
    ArticleVisibility Visibility,
    Guid? CategoryId,
    DateTime UpdatedAt);
