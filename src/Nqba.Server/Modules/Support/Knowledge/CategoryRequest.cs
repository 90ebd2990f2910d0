using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Creates a category.</summary>
public sealed record CategoryRequest(
    [Required, StringLength(80, MinimumLength = 2), RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens.")] string Slug,
    [Required, StringLength(120, MinimumLength = 2)] string Name);
