namespace ServerlessHub.WeCom.Simulation.Recording;

internal static class ChannelNames
{
    public static string Chinese(SimulatedChannel channel) => channel switch
    {
        SimulatedChannel.Robot => "群机器人",
        SimulatedChannel.App => "应用消息",
        SimulatedChannel.AppChat => "应用群聊",
        SimulatedChannel.AiBotResponse => "智能机器人回复",
        _ => channel.ToString(),
    };
}
