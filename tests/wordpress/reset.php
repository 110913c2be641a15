<?php
// Forgets every post and every cached oEmbed result, so each test run
// embeds from scratch: WordPress caches a discovered embed in the post's
// meta (_oembed_*) and in oembed_cache posts.
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require '/usr/share/wordpress/wp-load.php';
global $wpdb;
foreach (get_posts(['post_type' => ['post', 'oembed_cache'], 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
    wp_delete_post($id, true);
}
$wpdb->query("DELETE FROM {$wpdb->postmeta} WHERE meta_key LIKE '\\_oembed\\_%'");
$wpdb->query("DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_%oembed%' OR option_name LIKE '\\_site\\_transient\\_%oembed%'");
