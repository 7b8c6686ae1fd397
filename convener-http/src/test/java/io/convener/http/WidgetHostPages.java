package io.convener.http;

/**
 * The host pages of {@link ChromiumWidgetPageTest}, served from loopback origins of their own
 * ({@link OriginPages}): the page of an intranet that frames the widget, and a frame of another
 * origin beside it.
 */
final class WidgetHostPages {
  /**
   * A host page that frames the widget and answers its {@code convener.ready} with a token (the
   * {@code expiring} one when given); it notes the widget's {@code convener.token-expired} and
   * sends the other token when the test calls {@code answer()}. With {@code sibling=ORIGIN} it
   * frames that origin's {@link #SIBLING} beside the widget and lets it send the token instead.
   */
  static final String HOST = """
      <!doctype html><html><head><title>host</title></head><body>
      <iframe id="widget" title="Convener" width="1000" height="900"></iframe>
      <script>
        const q = new URLSearchParams(location.search);
        const api = q.get('api');
        const frame = document.getElementById('widget');
        let sibling = null;
        window.ready = false; window.loaded = false;
        frame.addEventListener('load', () => { window.loaded = true; });
        const give = token => frame.contentWindow.postMessage({type: 'convener.token', token, teams: ['core']}, api);
        window.expired = false;
        window.answer = () => give(q.get('token'));
        window.addEventListener('message', e => {
          if (e.origin === api && e.data && e.data.type === 'convener.ready') {
            window.ready = true;
            if (sibling) {
              sibling.contentWindow.postMessage('go', '*');
            } else {
              give(q.get('expiring') || q.get('token'));
            }
          } else if (e.origin === api && e.data && e.data.type === 'convener.token-expired') {
            window.expired = true;
          }
        });
        if (q.get('sibling')) {
          sibling = document.createElement('iframe');
          sibling.title = 'sibling';
          sibling.addEventListener('load', () => { frame.src = api + '/ui/'; });
          sibling.src = q.get('sibling') + '/sibling' + location.search;
          document.body.append(sibling);
        } else {
          frame.src = api + '/ui/';
        }
      </script></body></html>
      """;
  /** A frame on another origin that posts the token to the widget beside it when told to. */
  static final String SIBLING = """
      <!doctype html><html><head><title>sibling</title></head><body><script>
        const q = new URLSearchParams(location.search);
        window.addEventListener('message', e => {
          if (e.data === 'go') {
            parent.frames[0].postMessage({type: 'convener.token', token: q.get('token'), teams: ['core']}, q.get('api'));
          }
        });
      </script></body></html>
      """;

  private WidgetHostPages() {}
}
