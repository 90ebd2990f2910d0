using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Organizations;

public sealed record CreateOrganizationRequest(
    [Required, MinLength(1), MaxLength(200)] string Name,
    [MaxLength(253)] string? Domain,
    [Required, RegularExpression("^(us-east|us-west|europe|apac)$", ErrorMessage = "regionCode must be one of us-east, us-west, europe, apac.")] string RegionCode,
    [MaxLength(100)] string? Industry);
