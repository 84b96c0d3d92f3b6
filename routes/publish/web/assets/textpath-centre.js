/* Reported Routes: centre leaflet-textpath labels ("center" option) with SVG's own
 * startOffset="50%" and text-anchor="middle" instead of measuring the text and the path,
 * which forces a layout per line on every redraw (seconds on a map with hundreds of legs).
 * The label sits at the same place: the middle of the path's length.  A centred label
 * refers to its path by id, so it follows the path as Leaflet redraws it: it is made
 * again only when it is not on the page (first add, re-add) or its path comes to front.
 */
(function () {
    var proto = L.Polyline.prototype;
    var setText = proto.setText;
    var textRedraw = proto._textRedraw;
    var bringToFront = proto.bringToFront;
    if (!setText || !textRedraw) {
        return;
    }
    proto.setText = function (text, options) {
        if (!text || !options || !options.center) {
            return setText.call(this, text, options);
        }
        setText.call(this, text, L.Util.extend({}, options, {center: false}));
        this._textOptions = options;
        if (this._textNode) {
            this._textNode.setAttribute("text-anchor", "middle");
            this._textNode.firstChild.setAttribute("startOffset", "50%");
        }
        return this;
    };
    proto._textRedraw = function () {
        var node = this._textNode;
        var centred = this._textOptions && this._textOptions.center;
        if (centred && !this._rrToFront && node && node.parentNode) {
            return;
        }
        textRedraw.call(this);
    };
    proto.bringToFront = function () {
        this._rrToFront = true;
        try {
            return bringToFront.call(this);
        } finally {
            this._rrToFront = false;
        }
    };
})();
