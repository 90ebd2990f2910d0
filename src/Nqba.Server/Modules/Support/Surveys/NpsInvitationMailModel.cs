namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>The NPS invitation to a client contact; <paramref name="Link"/> is the signed survey link.</summary>
public sealed record NpsInvitationMailModel(string Link);
