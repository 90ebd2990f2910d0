using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>A new lead: the contact, the company and the channel it came through.</summary>
public sealed record CaptureLeadRequest(
    [Required, MinLength(1), MaxLength(200)] string Name,
    [Required, EmailAddress, MaxLength(320)] string Email,
    [Required, MinLength(1), MaxLength(200)] string Company,
    [Required, RegularExpression("^(us-east|us-west|europe|apac)$", ErrorMessage = "regionCode must be one of us-east, us-west, europe, apac.")] string RegionCode,
    LeadSource? Source = null,
    [MaxLength(40)] string? Phone = null,
    [MaxLength(100)] string? Industry = null,
    [RegularExpression("^(en|de|ja)$", ErrorMessage = "language must be one of en, de, ja.")] string? Language = null,
    [MaxLength(4000)] string? Message = null);
