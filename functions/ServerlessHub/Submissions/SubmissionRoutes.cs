namespace ServerlessHub.Submissions;

/// <summary>The routes of the submission functions, under the host's <c>api</c> prefix; <c>current</c> names the period containing now.</summary>
internal static class SubmissionRoutes
{
    public const string Periods = "hubs/{hubId}/reports/{reportId}/periods";
    public const string Submissions = Periods + "/{periodKey}/submissions";
    public const string Submission = Submissions + "/{submitterId}";
    public const string Status = Periods + "/{periodKey}/status";
}
