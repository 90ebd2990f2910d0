namespace Nqba.Server.Modules.Access.Provisioning;

/// <summary>Invites a provisioned client user to set their password: <see cref="Link"/> is the one-use set-password page.</summary>
public sealed record InvitationMailModel(string DisplayName, string OrganizationName, string Link);
