/* Reported Routes: a place's popup built when it opens, from the map's data block.
 * Every string of the block is set as text (textContent), never parsed as HTML, so report
 * text cannot inject markup; the elements and classes match routes/render.py's _popup_html.
 * rrPopups(data) returns popup(i): the content function of the i-th popup of the block. */
function rrPopups(data) {
    function add(parent, tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        if (parent) {
            parent.appendChild(node);
        }
        return node;
    }
    function words(parent, text) {
        parent.appendChild(document.createTextNode(text));
    }
    function sentence(list, item) {
        var li = add(list, "li");
        var quote = add(li, "blockquote", "rr-quote");
        item[0].forEach(function (piece, number) {
            if (number % 2) {
                add(quote, "mark", null, piece);
            } else if (piece) {
                words(quote, piece);
            }
        });
        var cite = add(li, "div", "rr-cite");
        add(cite, "span", "rr-source", data.sources[item[1]]);
        if (item[2]) {
            words(cite, " \u00b7 ");
            add(cite, "span", "rr-date", item[2]);
        }
        words(cite, " \u00b7 ");
        var report = data.reports[item[3]];
        if (report[1]) {
            var link = add(cite, "a", "rr-report", report[0]);
            link.setAttribute("href", report[1]);
            link.setAttribute("target", "_blank");
            link.setAttribute("rel", "noopener noreferrer");
        } else {
            add(cite, "cite", "rr-report", report[0]);
        }
        words(cite, " ");
        item[4].forEach(function (status) {
            add(cite, "span", "rr-status " + status[1], status[0]);
        });
    }
    function build(popup) {
        var box = add(null, "div", "rr-popup");
        add(box, "div", "rr-name", popup[0]);
        add(box, "div", "rr-facts", popup[1]);
        if (popup[2].length) {
            var timing = add(box, "div", "rr-timing");
            popup[2].forEach(function (row, number) {
                if (number) {
                    add(timing, "br");
                }
                add(timing, "b", null, row[0]);
                words(timing, " " + row[1]);
            });
        }
        if (popup[3].length) {
            var list = add(box, "ol", "rr-mentions");
            popup[3].forEach(function (item) {
                sentence(list, item);
            });
            if (popup[4]) {
                add(box, "div", "rr-more", "+" + popup[4] + " more");
            }
        } else {
            add(box, "div", "rr-none", "Added by hand; no report mentions it.");
        }
        return box;
    }
    return function (number) {
        return function () {
            return build(data.popups[number]);
        };
    };
}
