using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>A staff member moves a lead to another specialist of its unit, with the reason.</summary>
public sealed record ReassignLeadRequest([Required] Guid? SpecialistId, [Required, MinLength(3), MaxLength(1000)] string? Reason);
