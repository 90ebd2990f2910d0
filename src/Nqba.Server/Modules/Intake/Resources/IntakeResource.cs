namespace Nqba.Server.Modules.Intake.Resources;

/// <summary>Marker type for the intake pages' strings (IntakeResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class IntakeResource;
