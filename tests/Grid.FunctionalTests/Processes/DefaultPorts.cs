using System.Net;
using System.Net.Sockets;

namespace ModelGrid.FunctionalTests.Processes;

/// <summary>
/// The ports a silo started without any address or port setting listens on: the API's 5180 and Orleans' 11111 (silo)
/// and 30000 (gateway). Tests that need them share one collection, so they never run at the same time.
/// </summary>
public static class DefaultPorts
{
    public const int Api = 5180;
    public const int Silo = 11111;
    public const int Gateway = 30000;

    /// <summary>Fails with a message naming the port when something on this machine already listens on it.</summary>
    public static void AssertFree(params int[] ports)
    {
        foreach (var port in ports)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
            }
            catch (SocketException e)
            {
                Assert.Fail($"port {port} on 127.0.0.1 is in use ({e.SocketErrorCode}): this test starts a silo with its default settings, which listens there; stop what uses the port (a silo of yours?) and run the test again");
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
