using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Organizations;

internal sealed record CreateOrganizationRequest(
    [property: Required, MinLength(1), MaxLength(200)] string Name,
    [property: MaxLength(253)] string? Domain,
    [property: Required, RegularExpression("^(us-east|us-west|europe|apac)$", ErrorMessage = "regionCode must be one of us-east, us-west, europe, apac.")] string RegionCode,
    [property: MaxLength(100)] string? Industry);
