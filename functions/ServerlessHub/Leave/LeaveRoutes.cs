namespace ServerlessHub.Leave;

internal static class LeaveRoutes
{
    public const string Leave = "hubs/{hubId}/leave";
    public const string Record = Leave + "/{leaveId}";
}
