using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Creates or replaces an article. <see cref="Language"/> is en, de or ja; the slug is unique per language.</summary>
public sealed record ArticleRequest(
    [Required, StringLength(200, MinimumLength = 3)] string Title,
    [Required, StringLength(120, MinimumLength = 2), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens.")] string Slug,
    [Required, StringLength(100_000, MinimumLength = 1)] string Body,
    [Required, StringLength(2, MinimumLength = 2)] string Language,
    ArticleVisibility Visibility = ArticleVisibility.Public,
    Guid? CategoryId = null);
