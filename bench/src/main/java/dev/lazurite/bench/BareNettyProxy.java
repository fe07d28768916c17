package dev.lazurite.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link BareProxy}'s {@code netty} mode: Netty's HTTP codec on the epoll transport, one event loop
 * per core accepting and serving, each with its own pool of kept-alive upstream connections, so a
 * request is read, forwarded, answered and written on one thread with no hand-off.
 */
final class BareNettyProxy {
  /** The header block size Lazurite's listeners read. */
  private static final int HEADER_READ_BYTES = 256 * 1024;

  /** The largest body aggregated (Lazurite's default request limit is of this order). */
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private static final byte[] BAD_GATEWAY =
      ("{\"error\":{\"code\":\"BadGateway\",\"message\":\"The upstream did not answer.\"}}")
          .getBytes(StandardCharsets.UTF_8);

  private BareNettyProxy() {}

  /** Starts the server; returns the port it listens on. */
  static int start(int port, int upstreamPort) throws InterruptedException {
    int loops = Runtime.getRuntime().availableProcessors();
    var group = new MultiThreadIoEventLoopGroup(loops, EpollIoHandler.newFactory());
    var upstream = new InetSocketAddress("127.0.0.1", upstreamPort);
    // Built before the first connection and only read after: every loop's own pool.
    Map<EventLoop, NettyUpstreamPool> pools = new IdentityHashMap<>();
    for (EventExecutor executor : group) {
      var loop = (EventLoop) executor;
      pools.put(loop, new NettyUpstreamPool(loop, upstream, MAX_BODY_BYTES));
    }
    var server =
        listen(
            group,
            port,
            channel ->
                channel
                    .pipeline()
                    .addLast(
                        new HttpServerCodec(
                            new HttpDecoderConfig().setMaxHeaderSize(HEADER_READ_BYTES)))
                    .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
                    .addLast(new Inbound(pools.get(channel.eventLoop()))));
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /**
   * Binds an epoll HTTP listener on loopback: {@code setUp} adds each accepted connection's
   * handlers.
   */
  static Channel listen(MultiThreadIoEventLoopGroup group, int port, Consumer<SocketChannel> setUp)
      throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(EpollServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                setUp.accept(channel);
              }
            })
        .bind("127.0.0.1", port)
        .sync()
        .channel();
  }

  /**
   * One client connection: its requests are forwarded one at a time, in order (a pipelining
   * client's next requests wait for the answer before them).
   */
  private static final class Inbound extends ChannelInboundHandlerAdapter {
    private final NettyUpstreamPool pool;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    Inbound(NettyUpstreamPool pool) {
      this.pool = pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (!(message instanceof FullHttpRequest request)) {
        ReferenceCountUtil.release(message);
        return;
      }
      if (busy) {
        waiting.add(request);
      } else {
        forward(ctx, request);
      }
    }

    private void forward(ChannelHandlerContext ctx, FullHttpRequest request) {
      busy = true;
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpHeaders inbound = request.headers();
      // The body's buffer goes to the upstream request; writing it releases it.
      var outbound =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1, request.method(), request.uri(), request.content());
      HttpHeaders headers = outbound.headers();
      headers.set(HttpHeaderNames.HOST, pool.hostHeader());
      CharSequence type = inbound.get(HttpHeaderNames.CONTENT_TYPE);
      if (type != null) {
        headers.set(HttpHeaderNames.CONTENT_TYPE, type);
      }
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
      pool.send(
          outbound,
          new NettyUpstreamPool.Exchange() {
            @Override
            public void answered(FullHttpResponse answer) {
              var response =
                  new DefaultFullHttpResponse(
                      HttpVersion.HTTP_1_1, answer.status(), answer.content());
              String answerType = answer.headers().get(HttpHeaderNames.CONTENT_TYPE);
              if (answerType != null) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, answerType);
              }
              reply(ctx, response, keepAlive);
            }

            @Override
            public void failed(Throwable cause) {
              var response =
                  new DefaultFullHttpResponse(
                      HttpVersion.HTTP_1_1,
                      HttpResponseStatus.BAD_GATEWAY,
                      Unpooled.wrappedBuffer(BAD_GATEWAY));
              response
                  .headers()
                  .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
              reply(ctx, response, keepAlive);
            }
          });
    }

    private void reply(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      if (!keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        drop();
        return;
      }
      ctx.writeAndFlush(response);
      busy = false;
      FullHttpRequest next = waiting.poll();
      if (next != null) {
        forward(ctx, next);
      }
    }

    private void drop() {
      busy = false;
      FullHttpRequest next;
      while ((next = waiting.poll()) != null) {
        next.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      drop();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
