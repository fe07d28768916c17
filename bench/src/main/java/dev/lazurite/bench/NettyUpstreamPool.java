package dev.lazurite.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * One event loop's kept-alive connections to the upstream, connected on that loop, so an inbound
 * request and its upstream call share one thread. Used only from its loop: no locks.
 */
final class NettyUpstreamPool {
  /** What becomes of one upstream call; called on the pool's loop. */
  interface Exchange {
    /** The whole answer; the callee owns its content. */
    void answered(FullHttpResponse answer);

    void failed(Throwable cause);
  }

  private final Bootstrap bootstrap;
  private final String hostHeader;
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();

  NettyUpstreamPool(EventLoop loop, InetSocketAddress upstream, int maxBodyBytes) {
    this.hostHeader = upstream.getHostString() + ":" + upstream.getPort();
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(EpollSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .remoteAddress(upstream)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(maxBodyBytes))
                        .addLast(new Connection());
                  }
                });
  }

  String hostHeader() {
    return hostHeader;
  }

  /** Sends a request on an idle connection, or on a new one; the request's content is released. */
  void send(FullHttpRequest request, Exchange exchange) {
    Channel channel;
    while ((channel = idle.pollLast()) != null) {
      if (channel.isActive()) {
        write(channel, request, exchange);
        return;
      }
    }
    bootstrap
        .connect()
        .addListener(
            (ChannelFuture connected) -> {
              if (connected.isSuccess()) {
                write(connected.channel(), request, exchange);
              } else {
                request.release();
                exchange.failed(connected.cause());
              }
            });
  }

  private void write(Channel channel, FullHttpRequest request, Exchange exchange) {
    channel.pipeline().get(Connection.class).pending = exchange;
    channel
        .writeAndFlush(request)
        .addListener(
            (ChannelFuture written) -> {
              if (!written.isSuccess()) {
                written.channel().close();
              }
            });
  }

  /** The handler at the end of an upstream connection: hands the answer to its exchange. */
  private final class Connection extends ChannelInboundHandlerAdapter {
    private Exchange pending;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      Exchange exchange = pending;
      pending = null;
      if (!(message instanceof FullHttpResponse answer) || exchange == null) {
        ReferenceCountUtil.release(message);
        ctx.close();
        return;
      }
      if (HttpUtil.isKeepAlive(answer)) {
        idle.addLast(ctx.channel());
      } else {
        ctx.close();
      }
      exchange.answered(answer);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      idle.remove(ctx.channel());
      Exchange exchange = pending;
      pending = null;
      if (exchange != null) {
        exchange.failed(new IOException("the upstream closed the connection"));
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
