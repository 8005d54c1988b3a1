package org.payengine.bootstrap;
